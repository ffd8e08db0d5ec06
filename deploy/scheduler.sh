#!/bin/sh
# The scheduled jobs for a container setup without systemd timers (compose.yaml's
# `scheduler` service): the same jobs and rhythm as deploy/systemd/olievlek-*.timer.
# Each job runs in the foreground; a failing job is logged and the loop goes on.
set -u
run() { olievlek "$@" || echo "scheduler: olievlek $* failed with $?" >&2; }
while true; do
  minute=$(date +%M); hour=$(date +%H); weekday=$(date +%u)
  case $minute in
    *0|*5) run mail_send_due ;;
  esac
  case $minute in
    *0) run imports_fail_stale ;;
  esac
  case $minute in
    00|15|30|45) run tasks_recover --stale-minutes 120 ;;
  esac
  if [ "$minute" = "07" ]; then
    run payitforward_expire; run signups_expire; run notifications_remind
  fi
  case "$hour:$minute" in
    00:05) run impact_forget_visitors ;;
    03:10) run signups_purge ;;
    03:20) run werkvloer_retention ;;
    07:00) run notifications_digest --period daily
           [ "$weekday" = 1 ] && run notifications_digest --period weekly ;;
  esac
  sleep $((60 - $(date +%S | sed 's/^0//')))
done
