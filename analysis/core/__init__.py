"""The data model every layer shares: the schema (sheets, columns, vocabularies), the Dataset, errors, values, formatting."""
