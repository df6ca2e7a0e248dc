from tests.fake_lookups import fake_lookups  # noqa: F401  (fixture)
