"""reportgen: annual and interim reports for Swedish samordningsförbund."""

__version__ = "0.1.0"
