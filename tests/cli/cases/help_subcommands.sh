# Every subcommand has its own --help, which names its options.
set -e
for command in validate evaluate catalog graph plan next-week; do
  echo "== $command"
  backbalance "$command" --help
done
