"""The Streamlit side of the app: session state and shared page helpers (pages stay thin)."""
