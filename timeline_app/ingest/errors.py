"""The one exception ingest raises."""


class IngestError(Exception):
    """The file cannot be used; the message is one plain line for the user.

    Inside the package the message has no path; :func:`timeline_app.ingest.load` appends
    `` (<path>)`` before the error reaches the user.
    """
