"""`make serve-exposed`: nginx (deploy/nginx.conf) in front of `newsbadge serve`, both in the
foreground until one stops (Ctrl-C stops both). gunicorn listens on the loopback only and trusts
the one proxy in front of it; see deploy/nginx.conf for why a proxy is needed at all.

    python -m newsbadge.web.exposed --listen 0.0.0.0:8080 --upstream 127.0.0.1:8000
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from string import Template

DEFAULT_CONF = Path("deploy/nginx.conf")


def nginx_conf(template: Path, listen: str, upstream: str, prefix: str) -> str:
    """deploy/nginx.conf with its ${LISTEN}, ${UPSTREAM} and ${PREFIX} filled in (nginx's own
    $variables are left as they are)."""
    return Template(template.read_text(encoding="utf-8")).safe_substitute(
        LISTEN=listen, UPSTREAM=upstream, PREFIX=prefix)


def start_nginx(nginx: str, template: Path, listen: str, upstream: str) -> subprocess.Popen:
    """nginx in the foreground with the configuration for `listen` and `upstream`, its pid file
    and temporary files in a directory of its own (it only buffers in memory)."""
    prefix = tempfile.mkdtemp(prefix="newsbadge-nginx-")
    os.chmod(prefix, 0o755)  # nginx's workers run as an unprivileged user when started as root
    conf = Path(prefix, "nginx.conf")
    conf.write_text(nginx_conf(template, listen, upstream, prefix), encoding="utf-8")
    return subprocess.Popen([nginx, "-e", "stderr", "-p", prefix, "-c", str(conf),
                             "-g", "daemon off;"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsbadge.web.exposed", description=__doc__)
    parser.add_argument("--listen", default="0.0.0.0:8080", help="where nginx listens")
    parser.add_argument("--upstream", default="127.0.0.1:8000", help="where gunicorn listens")
    parser.add_argument("--nginx", default="/usr/sbin/nginx")
    parser.add_argument("--conf", type=Path, default=DEFAULT_CONF)
    args = parser.parse_args(argv)
    env = {**os.environ, "NEWSBADGE_BIND": args.upstream, "NEWSBADGE_TRUSTED_PROXIES": "1"}
    server = subprocess.Popen([sys.executable, "-m", "newsbadge", "serve"], env=env)
    proxy = start_nginx(args.nginx, args.conf, args.listen, args.upstream)
    try:
        os.wait()  # until either stops
    except KeyboardInterrupt:
        pass
    finally:
        for process in (proxy, server):
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                process.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
