from trustone_tui.cli import main

raise SystemExit(main())
