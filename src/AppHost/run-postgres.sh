#!/usr/bin/env bash
# Runs PostgreSQL in the foreground for the AppHost. Any stop request (TERM or INT) becomes a fast shutdown
# (SIGINT): open sessions are rolled back and the server stops at once, instead of waiting for pooled clients.
"$@" &
server=$!
trap 'kill -INT "$server" 2>/dev/null' TERM INT
status=0
# `wait` returns early when a trapped signal arrives, so wait until the server has really exited.
while kill -0 "$server" 2>/dev/null; do
  wait "$server"
  status=$?
done
exit "$status"
