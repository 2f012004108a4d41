"""One router per resource; :func:`sitrep.api.app.create_app` includes them all under ``/api``."""
