"""`manage.py check --deploy` refuses a deployment that runs on the development secret key."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError


def deploy_check():
    call_command("check", "--deploy", "--tag", "security")


def test_deploy_check_fails_when_dev_secret_key_is_allowed_with_debug_off(settings):
    settings.DEBUG = False
    settings.ALLOW_DEV_SECRET_KEY = True
    with pytest.raises(SystemCheckError, match="core.E001") as failure:
        deploy_check()
    assert "ALLOW_DEV_SECRET_KEY is on while DEBUG is off" in str(failure.value)


def test_deploy_check_fails_on_the_development_key_itself(settings):
    settings.DEBUG = False
    settings.ALLOW_DEV_SECRET_KEY = False
    settings.SECRET_KEY = settings.DEV_SECRET_KEY
    with pytest.raises(SystemCheckError, match="core.E002"):
        deploy_check()


def test_deploy_check_passes_with_a_real_key_and_the_flag_off(settings):
    settings.DEBUG = False
    settings.ALLOW_DEV_SECRET_KEY = False
    deploy_check()  # warnings may be printed; no error is raised


def test_development_may_use_the_development_key(settings):
    settings.DEBUG = True
    settings.ALLOW_DEV_SECRET_KEY = True
    settings.SECRET_KEY = settings.DEV_SECRET_KEY
    deploy_check()


def test_check_fails_on_a_sidebar_permission_that_names_no_function(settings):
    import copy

    unfold = copy.deepcopy(settings.UNFOLD)
    unfold["SIDEBAR"]["navigation"][0]["items"][0]["permission"] = "admin_console.site.is_nobody"
    settings.UNFOLD = unfold
    with pytest.raises(SystemCheckError, match="core.E003") as failure:
        call_command("check")
    assert "admin_console.site.is_nobody" in str(failure.value)


def test_every_sidebar_permission_names_a_function():
    call_command("check")  # raises SystemCheckError on core.E003
