# Every subcommand has its own --help, which names its options.
set -e
for command in validate evaluate catalog graph plan next-week "import free-exercise-db" plan-batch programme progress; do
  echo "== $command"
  backbalance $command --help
done
