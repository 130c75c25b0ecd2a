from syuzhet.cli import main

main()
