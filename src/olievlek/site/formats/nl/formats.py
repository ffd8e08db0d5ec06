# Django's Dutch day and month names are lower case already: "di 12 maart 2027, 14:00".
DATE_FORMAT = "D j F Y"
DATETIME_FORMAT = "D j F Y, H:i"
SHORT_DATE_FORMAT = "D j F Y"
SHORT_DATETIME_FORMAT = "D j F Y, H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
