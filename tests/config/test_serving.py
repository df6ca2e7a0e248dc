"""A web process settles once loaded (config/serving.py): what is alive then is out of the garbage
collector's sight, and the URL configuration is loaded before the first request."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_wsgi_application_freezes_what_it_loaded():
    script = ("import gc, config.wsgi; from django.urls import get_resolver; "
              "print(gc.get_freeze_count(), 'url_patterns' in vars(get_resolver()))")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.test_settings"}
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    frozen, urls_loaded = done.stdout.split()
    assert int(frozen) > 50_000  # Django, unfold, the admins and the form catalogue
    assert urls_loaded == "True"
