"""The Dashboard extension: its manifest and its built files (`static/`, made by Vite)."""
