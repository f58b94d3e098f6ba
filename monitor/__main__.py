from monitor.cli import main
import sys

sys.exit(main())
