"""config/settings.py run afresh under the current environment, as a new module: how a process started
with that environment would be configured (the running settings are not touched)."""

import importlib.util

import config.settings


def fresh_settings():
    spec = importlib.util.spec_from_file_location("settings_under_test", config.settings.__file__)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
