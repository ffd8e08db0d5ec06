# The same order as in Dutch, in British English: "Tue 12 March 2027, 14:00".
DATE_FORMAT = "D j F Y"
DATETIME_FORMAT = "D j F Y, H:i"
SHORT_DATE_FORMAT = "D j F Y"
SHORT_DATETIME_FORMAT = "D j F Y, H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
