"""Register files: the supply-chain register read from and written to CSV or XLSX."""
