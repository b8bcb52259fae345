"""newsbadge's development-only code: what `make eval`, `make train`, `make bench` and the tests
share. The service never imports it."""
