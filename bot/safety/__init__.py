"""Student safety: crisis detection, personal details, the school's contacts, handoffs to counselors."""
