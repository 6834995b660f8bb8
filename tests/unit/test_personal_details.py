"""Personal details are masked; career figures, years and job titles are not."""

from __future__ import annotations

import pytest

from bot.safety.personal_details import mask


@pytest.mark.parametrize("text, hidden, kind", [
    ("my name is Jordan Lee and i want to be a nurse", "Jordan Lee", "name"),
    ("my name's DeShawn Williams", "DeShawn Williams", "name"),
    ("hey name's Andre Okafor, what do welders make", "Andre Okafor", "name"),
    ("my little sisters name is Rosa Delgado and she likes science", "Rosa Delgado", "name"),
    ("what do electricians earn?\n- Natalie", "Natalie", "name"),
    ("is culinary school worth it ~Priya", "Priya", "name"),
    ("ok thx for the info!! love, Gabriel", "Gabriel", "name"),
    ("0033 6123 456789 is my number", "0033 6123 456789", "phone"),
    ("my email is skaterdan at example.org", "skaterdan at example.org", "email"),
    ("we live at 48 Canyon Ridge near the school", "48 Canyon Ridge", "address"),
    ("name: Tyler Brooks", "Tyler Brooks", "name"),
    ("im Maya Patel btw", "Maya Patel", "name"),
    ("call me at (555) 123-4567", "(555) 123-4567", "phone"),
    ("text me 555.123.4567 ok", "555.123.4567", "phone"),
    ("5551234567 is my cell", "5551234567", "phone"),
    ("+1 555 123 4567", "+1 555 123 4567", "phone"),
    ("call 867-5309", "867-5309", "phone"),
    ("email me at jo.lee+x@school.example", "jo.lee+x@school.example", "email"),
    ("i live at 1420 oak street", "1420 oak street", "address"),
    ("42 W Maple Ave Apt 3", "42 W Maple Ave Apt 3", "address"),
    ("i live at 42 maple, how much do chefs make", "42 maple", "address"),
    ("im kevin o'brien, how do i become a firefighter", "kevin o'brien", "name"),
    ("hey call me jamal carter, whats the pay", "jamal carter", "name"),
    ("my name is grace kim", "grace kim", "name"),
    ("email me at sam @ gmail.com", "sam @ gmail.com", "email"),
    ("cell (305)-555-0126 pls call", "(305)-555-0126", "phone"),
    ("1580 Martin Luther King Jr Blvd is where i live", "1580 Martin Luther King Jr Blvd", "address"),
    ("my number is 123-456-7890", "123-456-7890", "phone"),
    ("Name is Mateo Silva. I want to be a mechanic", "Mateo Silva", "name"),
    ("grandma lives at 1602 Route 9 Apt 2, could I be a caregiver?", "1602 Route 9 Apt 2", "address"),
    ("reach me at 832-555-4419 or at 9 Willow Way", "9 Willow Way", "address"),
    ("my cousin's whatsapp is +33 6 12 34 56 78 if you need", "+33 6 12 34 56 78", "phone"),
    ("you can text me on 07911 234567 after school", "07911 234567", "phone"),
    ("12 rue du Bac is our flat", "12 rue du Bac", "address"),
    ("our farm is at 410 Rural Route 5, what do farmers earn", "410 Rural Route 5", "address"),
    ("my name is Zoë Martínez", "Zoë Martínez", "name"),
    ("this is Min-jun Choi, what do nurses do", "Min-jun Choi", "name"),
    ("I'm Ana. Ana Torres, and I like math", "Torres", "name"),
    ("name's Tessa Holloway, can i be a pilot", "Tessa Holloway", "name"),
    ("my dad's name is Omar Haddad and he drives trucks", "Omar Haddad", "name"),
    ("this is Ana de la Cruz, what do lawyers make", "Ana de la Cruz", "name"),
    ("is nursing hard to get into? - Marisol Vega", "Marisol Vega", "name"),
    ("what do pilots earn? Best, Tomasz Nowak", "Tomasz Nowak", "name"),
    ("Hi! Leilani Akana here, what do chefs do", "Leilani Akana", "name"),
    ("my full name is Grace Ann Miller", "Grace Ann Miller", "name"),
    ("me llamo Diego Ramos y quiero ser enfermero", "Diego Ramos", "name"),
    ("our old number was 020 7946 0123 in London", "020 7946 0123", "phone"),
    ("we lived at Calle Mayor 12 in Spain", "Calle Mayor 12", "address"),
    ("my grandpa lives at Bergstraße 7, can I intern in Germany", "Bergstraße 7", "address"),
])
def test_details_are_masked(text: str, hidden: str, kind: str) -> None:
    """The detail is gone from the text and its kind is reported."""
    result = mask(text)
    assert hidden not in result.text
    assert f"[{kind}]" in result.text
    assert kind in result.kinds


@pytest.mark.parametrize("text", [
    "is $81,220 a good salary", "they make 107,560 a year?", "growth from 2022-32", "2022 to 2032",
    "3,172,500 jobs", "$39.05 per hour", "about 193,100 openings", "what does a Registered Nurse do",
    "jobs on wall street", "room 204", "I'm Taking AP Bio Next Year, does that help",
    "i'm Really Interested In Nursing", "the number is 2,192,300 jobs", "+3 percent growth",
    "thanks for the help - Registered Nurses sound great", "what about electricians? thanks, Career Bot",
    "the class of 2027 has 0 openings in 3 weeks", "SAT score 1450", "class of 2027", "my shift is 7-3",
    "my name is not important", "im a junior", "do chefs work holidays? love, a hungry 8th grader",
    "is nursing hard ~just wondering", "my email is cringe lol at least it works", "I'm Interested In Nursing", "it takes 4 years either way",
    "this is Construction Managers pay?", "do truck drivers drive on highway 101", "projected to grow 6 percent",
    "my name is hard to spell, does that matter", "do companies use @company.com emails for interns",
    "Career name: Physical Therapist Assistant", "Class name: Intro to Health Science", "im super tired today",
    "i'm really into cooking shows",
    "does he really make like 1000000000 a year", "im Mexican American and bilingual, do jobs pay more",
    "this is Kevin's question not mine, how do you become a pilot", "i'm Catholic, can i be a counselor",
])
def test_career_questions_are_left_alone(text: str) -> None:
    """Pay figures, years, counts and titles are not personal details."""
    result = mask(text)
    assert result.text == text and not result.changed


def test_the_rest_of_the_message_is_kept() -> None:
    """Only the detail is replaced; the question stays readable."""
    assert mask("my email is a@b.example, how much do nurses make?").text == \
        "my email is [email], how much do nurses make?"


@pytest.mark.parametrize("text", ["my number is 555-867-5309, how much do nurses make?", "call 555.123.4567."])
def test_punctuation_after_a_number_does_not_hide_it(text: str) -> None:
    """A comma or full stop right after a phone number still masks it (found by an e2e test)."""
    assert "[phone]" in mask(text).text


@pytest.mark.parametrize("text, hidden", [
    ("where's the nearest community college to 1250 El Camino Real", "1250 El Camino Real"),
    ("44 Calle Ocho apt 3 is my house", "44 Calle Ocho apt 3"),
])
def test_spanish_street_names_are_masked(text: str, hidden: str) -> None:
    """The street word comes first in Spanish street names."""
    assert hidden not in mask(text).text and "[address]" in mask(text).text


@pytest.mark.parametrize("text", ["I'm Undecided about my major, is that ok", "I am Stressed about finals"])
def test_one_word_after_im_is_a_name_only_if_it_is_a_first_name(text: str) -> None:
    """"I'm Undecided" is not a name; "hi im Maya Lopez" is. A first name alone ("hi im Maya") is not a full name
    (issue 15 asks to mask full names; held-out set 9 counted masking it as wrong)."""
    assert mask(text).text == text
    assert mask("hi im Maya Lopez").text == "hi im [name]"
    assert mask("hi im Maya").text == "hi im Maya"
    assert mask("my name is Jordan, what's the capital of France").text == "my name is Jordan, what's the capital of France"


def test_a_name_never_swallows_crisis_words() -> None:
    """"i'm finna unalive" keeps its words: the crisis detector must read them after masking."""
    assert mask("i'm so done i'm finna unalive").text == "i'm so done i'm finna unalive"


@pytest.mark.parametrize("text, hidden", [
    ("Thanks for the help with the quiz! Aaliyah Brooks", "Aaliyah Brooks"),  # a sign-off without a closing word
    ("Is it ok to work part-time? Best, Olivia M. Sanders", "Sanders"),  # a middle initial
    ("which colleges teach nursing ~ Fatima Zahra Benali", "Benali"),  # "~" before a signature
    ("what do welders make? thx\nEvan Brooks-Hale | evan@example.com", "Brooks-Hale"),  # a contact after it
    ("i go by jaylen scott online. what do trainers make?", "jaylen scott"),
    ("My legal name is Elizabeth Ann Moreno, which goes on the form?", "Moreno"),
    ("my name is olivia brown. what does a social worker do", "olivia brown"),  # a surname that is also a word
    ("im Dev Patel and i like computers", "Dev Patel"),
    ("my name is Sebastián de la Cruz and i like biology", "de la Cruz"),  # name particles
    ("I'm Ana. Ana Torres, and I like math", "Torres"),  # a first name said again with the surname
])
def test_full_names_in_more_shapes_are_masked(text: str, hidden: str) -> None:
    """Full names as students sign off or introduce them (development sets 1-9)."""
    assert hidden not in mask(text).text and "[name]" in mask(text).text


@pytest.mark.parametrize("text", [
    "Thanks! Go Team", "Thank you so much. Have a nice day", "I love science. Marie Curie is my idol",
    "my name is grace and i like art", "hi im Maya, can you help me with chemistry",
])
def test_first_names_alone_and_sign_off_like_words_stay(text: str) -> None:
    """A first name alone is not a full name; words after a sentence are a name only if they could be one."""
    assert mask(text).text == text


@pytest.mark.parametrize("text, kind", [
    ("my email is tyler dot b at gmail dot com, can u send it", "email"),
    ("contact me: nguyen.linh [at] hotmail [dot] com. I like biology", "email"),
    ("carlos.m(at)protonmail.com is my email", "email"),
    ("send to sarahbeth2010 at gmail.com about the camp", "email"),
    ("jdoe at district dot org", "email"),
    ("send the forms to PO Box 482, Tulsa, OK 74101", "address"),
    ("my address is P.O. Box 1190, Bozeman MT 59771 and i like wildlife", "address"),
])
def test_spelled_out_emails_and_post_office_boxes_are_masked(text: str, kind: str) -> None:
    """Emails spelled out to get past filters, and PO boxes with their city, state and ZIP (development set 10)."""
    result = mask(text)
    assert f"[{kind}]" in result.text
    assert not any(part in result.text for part in ("gmail", "hotmail", "protonmail", "district", "482", "1190"))


@pytest.mark.parametrize("text", [
    "i want to work at amazon.com", "look at google dot com lol", "i put 3 boxes in box 5",
    "meet me at school tomorrow",
])
def test_words_around_at_and_dot_are_not_emails(text: str) -> None:
    assert mask(text).text == text


@pytest.mark.parametrize("text, hidden", [
    ("my email is carlos . mendez @ gmail . com (spaced out)", "mendez"),
    ("RR 2 Box 145, Lexington, NE 68850 thats my address", "Box 145"),
    ("Rural Route 1 Box 88A, Pembroke KY 42266 - send it there", "88A"),
    ("What does a radiology tech do?\n- Kevin J. Park", "Park"),
    ("call me Ricky lol, full name Ricardo Vasquez. how do i become a mechanic", "Vasquez"),
    ("name (last, first): Suzuki, Hana. anything else?", "Suzuki"),
    ("yo its ethan van der berg, what do pilots make", "berg"),
    ("Student: Tomás Gutiérrez, Grade 12, Interests: soccer", "Gutiérrez"),
    ("What classes help with nursing? Signed, Ji-woo Kim (8th grade)", "Kim"),
    ("Its me again, Samantha Rae Whitfield, did u find the schools", "Whitfield"),
    ('Thanks!\nRobert "Bobby" Kowalski\nrkowalski@stu.example.org', "Kowalski"),
])
def test_names_and_addresses_of_development_set_11(text: str, hidden: str) -> None:
    """Spaced-out emails, rural-route boxes, labels ("Student:"), "(last, first)" forms, signatures with a
    parenthesis or a nickname, lowercase particles after a first name."""
    assert hidden not in mask(text).text


def test_at_sign_without_a_name_before_it_is_not_an_email() -> None:
    assert mask("do companies use @company.com emails for interns").text == \
        "do companies use @company.com emails for interns"


@pytest.mark.parametrize("text, hidden", [
    ("for the internship my phone number is five five five, two one two, zero one nine four", "zero one nine four"),
    ("my gmail is mia.torres.07, can u send the list", "mia.torres.07"),
    ("my email is s h a y l a 2 0 1 0 @ g m a i l . c o m", "g m a i l"),
    ("u can email me at ben dot carter at gmail", "carter"),
    ("you can reach me at sophiaa.k at gmail if you find internships", "sophiaa.k"),
    ("the bus doesnt come out to Route 1 Box 340 so can I do online classes", "340"),
    ("pls mail it to box 43, rr 1, Clay Center NE 68933", "box 43"),
    ("its ya boi DeShawn Carter, how much do pro gamers make", "Carter"),
    ("my info for the job shadow: Bianca Esposito, bianca.esposito@nhps.net", "Esposito"),
    ("contact my mom Karen Whitfield at 615-555-0172, she wants to talk", "Whitfield"),
    ("my dad Robert Fitzgerald said i should ask u about plumbing", "Fitzgerald"),
    ("my aunt's work line is 1-800-555-0134 ext. 22, she said i could call", "555-0134"),
    ("Ngozi Okafor, 12th grade. Do I need a masters to be a social worker?", "Okafor"),
    ("Brayden Kowalski asking: how do I get into HVAC", "Kowalski"),
    ("Is it too late to start piano? Thx, Marcus T. Johnson", "Johnson"),
    ("hi im kevin park btw, whats a good job for someone who likes cars", "park"),
    ("my parents named me Aaliyah Monique Carter but how do i become a midwife", "Carter"),
    ("mi nombre completo es Ana Sofía Ramírez-Torres, quiero ser enfermera", "Ramírez"),
])
def test_details_of_development_set_13(text: str, hidden: str) -> None:
    """Phone numbers in words with commas, handles at a mail provider without ".com", letter-spaced emails,
    rural routes either way round, a full name right before a contact detail, "<Name>, 12th grade"."""
    assert hidden not in mask(text).text


@pytest.mark.parametrize("text", [
    "is the FAFSA help line 1-800-433-3243?",
    "should my email be at gmail.com or my school's .org address for college apps",
    "you can call me Ty, whats the best trade to learn",
    "im kevin good at math, what jobs use math",
    "my mom boyfrend tuches me wen she at work",
])
def test_helplines_small_words_and_one_first_name_stay(text: str) -> None:
    """A toll-free helpline is an organisation's; one first name is not a full name; lowercase words after
    "my mom" are not a name."""
    assert mask(text).text == text


def test_a_name_never_hides_a_crisis_message() -> None:
    """Words the crisis detector reads are never masked as a name ("im writng goodby notes")."""
    assert mask("im writng goodby notes").text == "im writng goodby notes"


@pytest.mark.parametrize("text, detail", [
    # set 14
    ("contact # 720 - 555 - 0193 , i want to ask about being a machinist", "720 - 555 - 0193"),
    ("its 8005550199 for my dad's shop, he does heating and AC", "8005550199"),  # a toll-free number of theirs
    ("livin at 73 sycamore terr lol, what careers r chill", "73 sycamore terr"),
    # set 15
    ("my # is two one four 555 oh one six six lol. do game testers get paid", "two one four 555 oh one six six"),
    ("my area code is 919 and the rest is 442-0871, can someone call me", "919"),
    ("Ph: 571/334/8812. I want to be a vet tech, where do I start?", "571/334/8812"),
    ("telephone 011 33 6 12 34 56 78 (that's my aunt in france)", "011 33 6 12 34 56 78"),
    ("my number starts with 410 555 and ends in 0199, can you text me", "0199"),
    ("I live at N6543 Lakeview Rd, are there jobs at the paper mill", "N6543 Lakeview Rd"),
    ("my moms office is at 55 Garden Plaza, Suite 300, can I job shadow her there?", "55 Garden Plaza"),
    ("send the packet to POB 903 thanks", "POB 903"),
    ("my nam is Ethan Brooks. is being a chef hard", "Ethan Brooks"),
    ("my mom is Sandra Kim and her number is 555-0148 if you need a parent", "Sandra Kim"),
    ("my dad, Robert Mendez, can be reached at rmendez@gmail.com", "Robert Mendez"),
    ("pls send the brochure to Jada Lewis, 44 Orchard Lane Apt 6", "Jada Lewis"),
    ("from Aiden Murphy -- 3400 Oak Hollow Ct -- what colleges have good nursing", "Aiden Murphy"),
    # set 16
    ("call 555_443_9021 thats me, i'm interested in the HVAC thing", "555_443_9021"),
    ("call/text 555\u2013302\u20136671 about the summer internship pls", "555\u2013302\u20136671"),
    ("my number's 555 - nine oh two - 3344 if you need it", "nine oh two"),
    ("name - DeShawn Carter. i like fixing cars", "DeShawn Carter"),
    ("Myname is Kenji Watanabe, i want to make video games", "Kenji Watanabe"),
    ("first name Caleb last name Dawson, i need a career for my project", "Dawson"),
    ("my mom's cell is 555 - 410 - 2278 and her name is Carmen Ruiz", "Carmen Ruiz"),
    ("my dad (Kevin Park) kpark@parkhvac.com owns an hvac shop", "Kevin Park"),
    ("my step dad is Marcus Hill, 555 774 9020, he drives trucks", "Marcus Hill"),
    ("name Olivia Reyes / cell 555.318.2047 / i want to be a vet tech", "Olivia Reyes"),
    ("guardian: Patricia Long, 555-441-9087 ext 3", "Patricia Long"),
    # set 17
    ("i live at eight twenty two Willow Way if u need it", "Willow Way"),
    ("i live at one twenty three birch street and i want to be a vet", "birch street"),
    ("my address is 1500 Broadway #1204 and i want to be on broadway lol", "1500 Broadway #1204"),
    ("its 100 W. Broadway #5 if u need my address", "100 W. Broadway"),
    ("my older sister Jenna Kowalczyk (jenna.k@gmail.com) is a nurse", "Jenna Kowalczyk"),
    ("im sarah, well Sarah Goldberg, my email is sgoldberg@ridgewoodhs.net", "Sarah Goldberg"),
    ("Parent contact: Linda Park, lpark@hotmail.com, (757) 555-0190 ext 2", "Linda Park"),
    ("my number 555-3o2-1184 (sry thats a zero not an o)", "3o2"),
    # set 18
    ("my # is 555 01 23 lol weird number i know", "555 01 23"),
    ("email ana(at)correo(dot)mx, mi mamá no habla inglés", "correo"),
    ("my first 3 digits are 480 and the rest is 555-0127, call me", "480"),
    ("12-B Harbor View Terrace is where i live", "12-B Harbor View Terrace"),
])
def test_details_of_development_sets_14_to_18(text: str, detail: str) -> None:
    """Phone numbers with spaced dashes, slashes, underscores or en dashes, in pieces, in digit words mixed with
    numerals, after "telephone", "my #" or "first 3 digits are", a letter o typed for a zero; a family's own toll-free
    number; a country's domain; "terr", rural grid addresses, plazas, "POB", house numbers in words or with a letter
    after a dash, Broadway without a street word; names after a misspelled "name", "name -", "Myname", "first name",
    "her name is", "guardian:", "Parent contact:", family members named with contact details, a name before an
    address, "(" or ", my email is"."""
    assert detail not in mask(text).text


def test_a_helplines_toll_free_number_stays() -> None:
    text = "is 1-800-273-8255 still the suicide hotline number?"
    assert mask(text).text == text


@pytest.mark.parametrize("text", [
    # set 15
    "my mom is a nurse and she makes about $86,070", "my dad is Mexican, he drives trucks",
    "from 2022 to 2032 there will be 3 4 5 more openings",
    # set 17
    "I'm Undecided About College And My Parents Are Mad", "is it a one way street",
    "i want to live on one of the islands", "the 2o2o election", "He says he's 15 but his voice sounds way older.",
])
def test_near_misses_of_sets_15_and_17_stay(text: str) -> None:
    """Pay figures, "Mexican", number runs; a message in Title Case, number words without a street, an o between
    digits that is no phone, "way"."""
    assert mask(text).text == text


@pytest.mark.parametrize("text, detail", [
    ("This is Mr. Alan Whitfield, parent of a 9th grader.", "Alan Whitfield"),
    ("This is Coach Darnell Hayes from Eastside Middle", "Darnell Hayes"),
    ("hey bot its me Connor Walsh, do software developers make a lot", "Connor Walsh"),
    ("ya boy Jamal Carter here, how much do real estate agents make", "Jamal Carter"),
    ("my parents are Michael and Sarah Goldberg, can they call the counselor?", "Sarah Goldberg"),
    ("Full name - Jasmine Rivera. I want to know about nursing", "Jasmine Rivera"),
    ("I\u2019m Gabriel Silva, how do I become a software developer?", "Gabriel Silva"),
    ("my step dad is Robert Kowalski and he said I should do HVAC", "Robert Kowalski"),
    ("do lawyers work weekends xoxo Mia R", "Mia R"),
    ("my numbr is 612 555 01 89 sorry i type fast", "612 555 01 89"),
    ("call 720 555 01 66 after school", "720 555 01 66"),
    ("mason dot lee at g mail dot com, send me the engineering stuff", "mason dot lee at g mail dot com"),
    ("we get mail at Star Route, Box 73 because we live in the mountains", "Star Route, Box 73"),
])
def test_details_of_development_set_21(text: str, detail: str) -> None:
    """A title before an introduced name, "its me", "ya boy", parents named together, "Full name -", a curly
    apostrophe in "I’m", "step dad", "xoxo" without a comma; a number after a misspelled "number" or in 3-3-2-2
    groups; "g mail"; a star route box with no route number."""
    assert detail not in mask(text).text


@pytest.mark.parametrize("text", [
    "the 2022-32 projections say 130 160 more jobs", "is 720 hours of barber school a lot",
    "is Elon Musk an engineer", "I\u2019m Hispanic and want to be a nurse", "my parents are nurses and chefs",
])
def test_near_misses_of_set_21_stay(text: str) -> None:
    """Number runs that are not ten digits; a famous name nobody introduced; a curly "I’m" before a word that is
    no name; parents who are not named."""
    assert mask(text).text == text


@pytest.mark.parametrize("text, detail", [
    ("im rhys van wyk, what do civil engineers build", "rhys van wyk"),
    ("my foster mom's name is Gloria Stevens, she said i should ask about cosmetology school", "Gloria Stevens"),
])
def test_details_of_development_set_26(text: str, detail: str) -> None:
    """A lowercase name with a particle after "im"; a name given as a foster parent's."""
    assert detail not in mask(text).text


@pytest.mark.parametrize("text", ["im al fine thanks", "i am de facto the leader", "im van driving lol"])
def test_particles_alone_are_no_name(text: str) -> None:
    assert mask(text).text == text


@pytest.mark.parametrize("text, name", [
    ("my first and last name is Caleb Morrison, do you need that for the sign up", "Caleb Morrison"),
    ("Wyatt Henderson is my name, can you help me find trade schools", "Wyatt Henderson"),
    ("ok. Maria Lopez is my full name", "Maria Lopez"),
])
def test_names_of_development_set_28(text: str, name: str) -> None:
    """Set 28's misses: "my first and last name is ...", and the name said before "is my name"."""
    assert name not in mask(text).text


@pytest.mark.parametrize("text", ["Software Developers is my top pick", "Registered Nurses is my name lol"])
def test_job_titles_before_is_my_are_not_names(text: str) -> None:
    assert mask(text).text == text


@pytest.mark.parametrize("text", ["how do I get into the U.S. Naval Academy", "Thanks! West Point Academy",
                                  "is it hard to get into Johns Hopkins University"])
def test_institution_names_are_not_signed_names(text: str) -> None:
    """Development set 29's false alarm: a school's name after "U.S." read as a name signed at the end."""
    assert mask(text).text == text


@pytest.mark.parametrize("text, detail", [
    ("My first and last name are Owen Fitzgerald, do you need that for the handoff?", "Owen Fitzgerald"),
    ("can someone text me 555–0191 about cosmetology school", "555–0191"),
    ("number 555-0120 address 10 Main St apt 2 — can someone drop off the apprenticeship papers", "10 Main St apt 2"),
])
def test_details_of_development_sets_29_and_30(text: str, detail: str) -> None:
    """"my ... names are", a seven-digit number with an en dash, an address right after a phone number and a label."""
    assert detail not in mask(text).text


@pytest.mark.parametrize("text", ["my names are hard to spell lol", "their names are on the list",
                                  "median pay was 48,770 in 2021, about 562,100 jobs"])
def test_names_are_phrases_that_name_no_one_stay(text: str) -> None:
    assert mask(text).text == text


def test_the_name_is_introduces_a_name() -> None:
    assert "Brown-Whitfield" not in mask("the name is Skyler Brown-Whitfield, remember it").text
    assert mask("the name is on the list, right?").text == "the name is on the list, right?"


@pytest.mark.parametrize("text, detail", [
    ("hi im jin-woo park and i want to be a nurse", "jin-woo park"),  # a hyphenated given name, lowercase
    ("Let me introduce myself: Hyun-woo Lee", "Hyun-woo Lee"),  # "introduce myself" introduces a name
    ("my name is jinwoo park", "jinwoo"),  # a given name missing from the lists, a surname that is also a word
])
def test_given_names_outside_the_lists_are_masked(text: str, detail: str) -> None:
    """Development-set misses: given names that are not in the census lists or are hyphenated."""
    assert detail not in mask(text).text and "[name]" in mask(text).text


@pytest.mark.parametrize("text", ["i am well-known for cooking", "im half-asleep lol", "im mary-kate and i like nurses",
                                  "let me introduce myself, im a junior who likes math"])
def test_hyphenated_words_and_introductions_without_a_full_name_stay(text: str) -> None:
    assert mask(text).text == text


def test_arithmetic_is_no_phone_number_and_a_concourse_is_a_street() -> None:
    """Development set 34: a pay figure divided by a year's hours, and an address on the Grand Concourse."""
    assert mask("130160 / 2080 = 62.58 right? so thats the hourly").text.startswith("130160 / 2080")
    assert "[phone]" in mask("my number is 555/123/4567 = my cell").text
    assert "1200 Grand Concourse" not in mask("i stay with my grandma at apt 7, 1200 Grand Concourse").text


@pytest.mark.parametrize("text, detail", [
    ("this is Rachel Goldberg's account but im her little brother, what do psychologists do", "Rachel Goldberg"),
    ("my info is Penelope Grant, 16 Juniper Way, 503-555-0145", "Penelope Grant"),
    ("Lucia Bianchi. 8th grade. I want to be a chef. Where do I start", "Lucia Bianchi"),
    ("just so u know who this is, Marcus Delgado, period 3, Mr. Fox's class", "Marcus Delgado"),
])
def test_names_of_development_set_36_are_masked(text: str, detail: str) -> None:
    """A full name whose account is used, given as 'my info', before a grade, or after 'who this is'."""
    assert detail not in mask(text).text and "[name]" in mask(text).text


@pytest.mark.parametrize("text", ["this is Kevin's question", "im Grace Hopper's biggest fan",
                                  "Registered Nurses. 8th grade project", "who this is, Civil Engineers",
                                  "my info is Registered Nurses pay"])
def test_possessives_and_titles_near_those_names_stay(text: str) -> None:
    assert mask(text).text == text


@pytest.mark.parametrize("text, detail", [
    ("my address is Box 77, Star Route, Mountain View AR", "Box 77"),
    ("name = Chloe Dubois", "Chloe Dubois"),
])
def test_details_of_development_set_38(text: str, detail: str) -> None:
    """A box on a star route with its town, a name after "name =" (set 38)."""
    assert detail not in mask(text).text


@pytest.mark.parametrize("text", ["box 5 lol", "the name = variable in python"])
def test_look_alikes_of_development_set_38(text: str) -> None:
    assert mask(text).text == text


@pytest.mark.parametrize("text", ["can you actually live on 38000 a year", "could i live on 45k a year as a barber",
                                  "can u live on 20 dollars an hour", "can a family live on 60 grand"])
def test_living_on_an_amount_is_pay_not_an_address(text: str) -> None:
    """ "live on" before a sum of money is about pay (set 39), not the street one lives on."""
    assert mask(text).text == text


@pytest.mark.parametrize("text", ["i live on 123 Oak Street", "i live on 88 maple and 5th"])
def test_living_on_a_numbered_street_is_still_an_address(text: str) -> None:
    assert "[address]" in mask(text).text


@pytest.mark.parametrize("text, detail", [
    ("student name: Hailey Vanderberg. what does a machinist do", "Hailey Vanderberg"),
    ("first and last name: Sofia Ramirez", "Sofia Ramirez"),
])
def test_names_after_a_form_label_are_masked(text: str, detail: str) -> None:
    """"student name:", "first and last name:" introduce a name like "name:" does (set 40)."""
    assert detail not in mask(text).text


@pytest.mark.parametrize("text", ["whats a full name: on a job application", "the student name: field on the form"])
def test_a_form_label_with_no_name_after_it_stays(text: str) -> None:
    assert mask(text).text == text


@pytest.mark.parametrize("text, detail", [
    ("hi my name is emily rose parker im in 7th grade and i want to work with animals", "emily rose parker"),
    ("my name is Samantha “Sam” Wright what does an hvac tech do", "Samantha"),
    ("my name is mary grace smith. do nurses work nights", "grace smith"),
])
def test_middle_names_and_nicknames_are_masked_with_the_full_name(text: str, detail: str) -> None:
    """Set 41: a middle name that is also a word ("rose"), a quoted nickname between first and last name."""
    masked = mask(text).text
    assert detail not in masked and "[name]" in masked


@pytest.mark.parametrize("text", ["my name is grace and i like art", "my name is rose and im 12"])
def test_a_first_name_alone_still_stays(text: str) -> None:
    """A first name alone is no full name: the message is kept as typed."""
    assert mask(text).text == text


@pytest.mark.parametrize("text, detail", [
    ("Tyler Brandt 9th grade, what do civil engineers build", "Tyler Brandt"),
    ("Priya Raman (she/her) how long is nursing school", "Priya Raman"),
    ("Omar Haddad — are lawyers paid hourly", "Omar Haddad"),
    ("heyy Brooke Sandoval here, what do barbers earn", "Brooke Sandoval"),
    ("from Dante Reyes, 10th grade: do machinists need college", "Dante Reyes"),
    ("regards, Noah Feldman (my teacher said to sign) what does a buyer do", "Noah Feldman"),
    ("is the outlook good for chefs?  -Marie St. Clair", "Marie St. Clair"),
    ("ok thanks so much 🙏 Jasmine Ortega", "Jasmine Ortega"),
])
def test_names_heading_or_signing_a_message_are_masked(text: str, detail: str) -> None:
    """Set 42: a name before a grade or pronouns, heading the message before a dash, after a greeting, "from" or a
    closing word anywhere, signed with "St." in it or after an emoji."""
    masked = mask(text).text
    assert detail not in masked and "[name]" in masked


@pytest.mark.parametrize("text", [
    "Registered Nurses — how much do they make",
    "Software Developers (they/them pronouns in code lol) what do they do",
    "we take i-95 every time we drive to my aunts, do truck drivers use it",
    "Electrical Engineers here at my school said its hard",
])
def test_titles_and_interstates_heading_a_message_stay(text: str) -> None:
    assert mask(text).text == text


@pytest.mark.parametrize("text, detail", [
    ("we live out at 5150 FM 1488, Magnolia TX 77354, can i ranch without college", "5150 FM 1488"),
    ("my house is 9120 Katy Fwy, Houston TX 77055", "Houston TX 77055"),
    ("address: 1900 Oak Hollow Dr\nCity: Plano TX 75023\nwhat does a buyer do", "Plano TX 75023"),
    ("address: 1900 Oak Hollow Dr\nCity: Plano TX 75023\nwhat does a buyer do", "Dr"),
    ("send it to Kevin Park, 1200 Elm Street Apt 7, Tulsa OK 74103", "Tulsa OK 74103"),
    ("Contact info: Jamal Price, jprice2027@gmail.com", "Jamal Price"),
    ("Hailey Park, 555-201-9987, wants to talk about nursing", "Hailey Park"),
])
def test_roads_city_lines_and_names_with_common_word_surnames_are_masked(text: str, detail: str) -> None:
    """Set 43: a farm-to-market road or a freeway as the street, the city, state and ZIP after an address (also on
    the next line), and a known first name with a surname that is a word ("Price") right before a contact detail."""
    assert detail not in mask(text).text


@pytest.mark.parametrize("text, kept", [
    ("i drive on FM 1488 to get to school, do truck drivers use farm roads", "FM 1488"),
    ("Civil Engineering, jobs@cityworks.gov is who to ask?", "Civil Engineering"),
    ("Grand Price, 555-201-9987 is the store number lol", "Grand Price"),
])
def test_roads_and_words_before_contact_details_stay(text: str, kept: str) -> None:
    """A road with no house number, and capitalised words that are no first name before a contact detail."""
    assert kept in mask(text).text


@pytest.mark.parametrize("text, detail", [
    ("text5125550143 after school plz, what do nurses make", "5125550143"),
    ("callme 512-555-0143 when the counselor is free", "512-555-0143"),
    ("my cell is 555 - 0162 if you need it", "555 - 0162"),
    ("i'm Mrs. Nguyen's daughter, Linh Nguyen, what do lawyers study", "Linh Nguyen"),
    ("this is Carlos Ruiz's dad, Miguel Ruiz, can my son be an emt", "Miguel Ruiz"),
    ("my name is J.R. Castillo and i like welding", "J.R. Castillo"),
])
def test_glued_and_spaced_numbers_initials_and_a_parents_child_are_masked(text: str, detail: str) -> None:
    """Set 44: a number glued to "call"/"text", seven digits around a spaced dash, a name after "<Name>'s son,",
    and initials before a surname."""
    assert detail not in mask(text).text


@pytest.mark.parametrize("text, kept", [
    ("between 100 - 2000 workers are hired each year?", "100 - 2000"),
    ("im Jake's brother, what do chefs make", "Jake's brother"),
    ("I'm T.J. and i want to fix cars", "T.J."),
])
def test_ranges_possessives_and_lone_initials_stay(text: str, kept: str) -> None:
    """A range of numbers, a possessive with no name after it, and initials alone are no personal details."""
    assert kept in mask(text).text


@pytest.mark.parametrize("text, detail", [
    ("text me 415-555-0190pls, what do chefs make", "415-555-0190"),
    ("we live at lot 12, Sunny Pines Trailer Park, can i be a trucker", "lot 12, Sunny Pines Trailer Park"),
    ("my house is 88 w. broadway, do nurses work nights", "88 w. broadway"),
    ("what do lawyers study? sent by Maria Fernanda Ruiz", "Maria Fernanda Ruiz"),
    ("my name is Minh Le, what do engineers make", "Minh Le"),
    ("my government name is Tyrese Jamal Brooks but call me TJ", "Tyrese Jamal Brooks"),
])
def test_glued_numbers_home_parks_signatures_and_short_surnames_are_masked(text: str, detail: str) -> None:
    """Set 45: a number glued to the next word, a home in a mobile home park, a lower-case direction before
    Broadway, "sent by <Name>", a two-letter surname that is also a particle ("Le"), a "government name"."""
    assert detail not in mask(text).text


@pytest.mark.parametrize("text, kept", [
    ("is 2024-2034 the projection period for nurses", "2024-2034"),
    ("my name is le bron? jk what do athletes make", "what do athletes make"),
    ("the trailer park near school is hiring, is that a real job", "trailer park"),
])
def test_years_lowercase_words_and_a_park_without_a_home_number_stay(text: str, kept: str) -> None:
    assert kept in mask(text).text


@pytest.mark.parametrize("text, detail", [
    ("Cheers,\nR. Delgado-Owens\n(do chefs work on weekends? asking for my culinary class)", "Delgado-Owens"),
    ("thanks,\nMarisol Vega-Ruiz\nis HVAC school long", "Marisol Vega-Ruiz"),
    ("-- Kwame Mensah, 10th grade\nwhat do software developers do", "Kwame Mensah"),
])
def test_a_name_signed_above_the_question_is_masked(text: str, detail: str) -> None:
    """Set 46: a closing word on its own line, then a name (an initial first) with more text after it; a dashed
    name heading the message with its grade."""
    assert detail not in mask(text).text


@pytest.mark.parametrize("text", [
    "thanks,\nthat helps a lot. What about Civil Engineers",
    "-- Registered Nurses, 2023 numbers\nhow much",
    "what is the best Career Cluster for me",
])
def test_closing_words_and_dashes_before_job_titles_stay(text: str) -> None:
    assert mask(text).text == text


@pytest.mark.parametrize("text, detail", [
    ("my#is555-555-0162, what do plumbers make", "555-555-0162"),
    ("Mateo de la Vega here, do chefs work holidays", "Mateo de la Vega"),
    ("hey!! priya shah here, is nursing hard", "priya shah"),
    ("Renée Dubois ici, how do I become a lawyer", "Renée Dubois"),
    ("- Jordan T. Whitaker, 9th grade\nwhat do paramedics do", "Jordan T. Whitaker"),
    ("Camille Laurent (that's with two Ls) — what do psychologists study", "Camille Laurent"),
    ("thanks so much!! love, Maya Okafor 🌸", "Maya Okafor"),
    ("our team is Liam Brooks, Emma Reyes and Noah Kim, we picked nurses", "Emma Reyes"),
    ("you can call me Big Carlos Mendez. what do welders earn", "Big Carlos Mendez"),
    ("i'm Lucia de las Flores, can i be an engineer", "Lucia de las Flores"),
    ("that was helpful\n\nDaniel Okonkwo\nClass of 2028", "Daniel Okonkwo"),
    ("my mom (Angela Ruiz) asked what nurses make", "Angela Ruiz"),
    ("--\nOwen Fitzgerald | 12th grade | what do HVAC techs make", "Owen Fitzgerald"),
    ("sarah mendez. 555-555-0133. what do realtors make", "sarah mendez"),
])
def test_names_and_numbers_of_set_47s_kinds_are_masked(text: str, detail: str) -> None:
    """Set 47: a number glued to "is"/"#", particles and middle initials in names before "here" or "ici", a name
    before a bracket or with an emoji or a class line, three names listed, a relative's name in brackets, a
    lower-case name opening contact details."""
    assert detail not in mask(text).text


@pytest.mark.parametrize("text", [
    "do Morgan Stanley and Goldman Sachs hire analysts",
    "Grace Hopper and Ada Lovelace were programmers, what do software developers make",
    "is $61,710 good for a school counselor, class of 2027 here",
    "my mom (a nurse) says the pay is good",
])
def test_two_famous_names_companies_and_relatives_without_names_stay(text: str) -> None:
    assert mask(text).text == text


@pytest.mark.parametrize("text, detail", [
    ("my house number is 2316 on Orchard Street, the blue one. anyway what do QC inspectors do", "2316 on Orchard"),
    ("we're 48 on Pine Hollow Rd if the counselor needs it", "48 on Pine Hollow"),
    ("ok bye! from Leah Goldstein 😊", "Leah Goldstein"),
    ("thats all. from Marcus Oyelaran", "Marcus Oyelaran"),
    ("Sebastian Cruz / 10th grade / sebcruz10@students.aisd.net / how do i become a financial analyst",
     "Sebastian Cruz"),
    ("Ava Lindqvist | junior | 555-555-0148 | do nurses work nights", "Ava Lindqvist"),
])
def test_names_and_addresses_of_set_48s_kinds_are_masked(text: str, detail: str) -> None:
    """Set 48: a house number said "on" its street, a sign-off opening with "from", a grade field between a name
    and its contact detail."""
    assert detail not in mask(text).text


@pytest.mark.parametrize("text, detail", [
    ("ring me at 312-555-0187x203 after school", "312-555-0187x203"),
    ("my moms work line is 614-555-0190 ext. 7", "614-555-0190 ext. 7"),
    ("thank u, Priya Raman-Shah", "Priya Raman-Shah"),
    ("what do lawyers do all day? -from nadia okafor", "nadia okafor"),
    ("ok thats all i needed - marcus j. hall", "marcus j. hall"),
    ("my mom's Teresa Alvarado and her number is 555-201-4478", "Teresa Alvarado"),
    ("hi its Coach Brian Walsh's son Tyler Walsh, do trainers need a degree", "Tyler Walsh"),
])
def test_names_and_phones_of_set_49s_kinds_are_masked(text: str, detail: str) -> None:
    """Set 49: a phone extension, "thank u" and "-from" sign-offs, a lower-case name with a middle initial, a parent
    named with "'s" beside a contact detail, someone's son or daughter named after a possessive."""
    assert detail not in mask(text).text


@pytest.mark.parametrize("text", [
    "my dad's Honda Civic is old, do mechanics make good money",
    "my mom's New York trip made me want to be a reporter",
    "thanks u, Great Job",
])
def test_cars_places_and_praise_after_those_words_stay(text: str) -> None:
    assert mask(text).text == text


@pytest.mark.parametrize("text", [
    "my dad says back in 1995 lawyers made way less, true?",
    "since 2008 nurses made way more than before",
    "can i learn to cook from Gordon Ramsay",
    "i got a 1300 on the sat, what do engineers make",
])
def test_years_before_words_and_learning_from_a_famous_person_stay(text: str) -> None:
    assert mask(text).text == text
