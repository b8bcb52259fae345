# The exposed deployment (issue 16): Debian's nginx in front of gunicorn, with deploy/nginx.conf.
# nginx is installed with apt-get when missing and running as root (as `browsers` does for the
# extension's tests); otherwise this says how, and the test of the exposed server is skipped.

NGINX ?= /usr/sbin/nginx
# Where `make serve-exposed` listens (nginx) and where gunicorn listens behind it (loopback only).
EXPOSED_LISTEN ?= 0.0.0.0:8080
EXPOSED_UPSTREAM ?= 127.0.0.1:8000

.PHONY: nginx serve-exposed

nginx:
	@if [ -x $(NGINX) ]; then \
		echo "nginx: $(NGINX) is installed"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "nginx: installing nginx-light with apt-get"; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light) \
			|| echo "nginx: could not install nginx: the exposed server's test will be skipped"; \
	else \
		echo "nginx: missing. Install with: sudo apt-get install nginx-light"; \
	fi

# nginx on EXPOSED_LISTEN, gunicorn on EXPOSED_UPSTREAM with one trusted proxy; Ctrl-C stops both.
serve-exposed: $(INSTALLED_RUN) nginx
	$(BIN)/python -m newsbadge.web.exposed --listen $(EXPOSED_LISTEN) \
		--upstream $(EXPOSED_UPSTREAM) --nginx $(NGINX)
