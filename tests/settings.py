"""Settings for the test suite: a throw-away data directory, fast password hashing."""

import os
import tempfile

os.environ.setdefault("ZORKO_DATA_DIR", tempfile.mkdtemp(prefix="zorko-test-"))

from zorko.django_settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
