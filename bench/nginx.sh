# Sourced by the bench scripts: starts Debian's nginx on loopback as a target that is not the
# bottleneck (one worker, a fixed 13-byte body, access log off), in a temporary folder, and stops
# it on exit. Defines NGINX_URL. Needs: sudo apt-get install nginx (or nginx-light).
NGINX_PORT=${NGINX_PORT:-18300}
NGINX_WORKER_CONNECTIONS=${NGINX_WORKER_CONNECTIONS:-20000}
command -v nginx >/dev/null || { echo "nginx is not installed (sudo apt-get install nginx-light)" >&2; exit 3; }
NGINX_DIR=$(mktemp -d)
cat >"$NGINX_DIR/nginx.conf" <<CONF
worker_processes 1;
worker_rlimit_nofile ${NGINX_RLIMIT:-$((NGINX_WORKER_CONNECTIONS * 2))};
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log warn;
events { worker_connections $NGINX_WORKER_CONNECTIONS; multi_accept on; }
http {
  access_log off;
  keepalive_requests 1000000;
  keepalive_timeout 60s;
  client_body_temp_path $NGINX_DIR/body; proxy_temp_path $NGINX_DIR/proxy; fastcgi_temp_path $NGINX_DIR/fastcgi;
  uwsgi_temp_path $NGINX_DIR/uwsgi; scgi_temp_path $NGINX_DIR/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT backlog=65535;
    location / { default_type text/plain; return 200 "Hello, World!"; }
  }
}
CONF
nginx -c "$NGINX_DIR/nginx.conf" -p "$NGINX_DIR" -g 'daemon on;' 2>"$NGINX_DIR/start.log" \
  || { cat "$NGINX_DIR/start.log" >&2; exit 1; }
stop_nginx() { [[ -f "$NGINX_DIR/nginx.pid" ]] && kill "$(cat "$NGINX_DIR/nginx.pid")" 2>/dev/null; rm -rf "$NGINX_DIR"; }
trap stop_nginx EXIT
NGINX_URL="http://127.0.0.1:$NGINX_PORT/"
for _ in $(seq 50); do curl -sf "$NGINX_URL" >/dev/null && break; sleep 0.1; done
