from zorko.cli import main

main()
