// Bounds the database sets on values a request carries.

/**
 * The largest value of a PostgreSQL `integer` (int4) column, such as a row's `version`: a
 * request number above it must be refused by its schema, not reach SQL as a range error
 * (issue 11: a draft version of 2147483648 answered 500).
 */
export const PG_INTEGER_MAX = 2_147_483_647;
