"""Career knowledge: typed models, loading, and the sentences built from them."""
