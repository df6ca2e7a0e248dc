"""Validation rules, as data shared by every way answers arrive (admin form, bulk upload,
check_answers): each rule names the fields it concerns and says in plain words what to change."""
