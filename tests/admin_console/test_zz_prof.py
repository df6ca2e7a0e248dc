import cProfile, pstats, time, io
import pytest
from django.test import Client
from tests.admin_console.test_log_change_page import *  # noqa

def test_prof(lettings_log, coordinator, client_for):
    c = client_for(coordinator)
    url = change_url(lettings_log)
    from django.template import Template
    from django.test.utils import _TestState
    Template._render = _TestState.saved_data.template_render
    for _ in range(3): c.get(url)
    t = []
    for _ in range(10):
        s = time.perf_counter(); c.get(url); t.append(time.perf_counter() - s)
    print("\nGET ms", sorted(round(x*1000) for x in t))
    pr = cProfile.Profile(); pr.enable()
    for _ in range(5): c.get(url)
    pr.disable()
    st = io.StringIO(); pstats.Stats(pr, stream=st).sort_stats("tottime").print_stats(30); print(st.getvalue()[:7000])
    st = io.StringIO(); pstats.Stats(pr, stream=st).sort_stats("cumulative").print_stats("wt-pipeline", 25); print(st.getvalue()[:7000])
