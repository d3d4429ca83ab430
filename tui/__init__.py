"""mfg-explore's user interfaces: the Textual explorer and the command line (thin layers over `store`)."""
