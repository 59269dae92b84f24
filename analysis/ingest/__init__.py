"""File to validated tables: the sandboxed reader, Dapodik layouts, validation against the schema, the template."""
