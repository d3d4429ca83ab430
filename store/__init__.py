"""mfg-explore's library: seeds → extract → store → index. Imports no Textual."""
