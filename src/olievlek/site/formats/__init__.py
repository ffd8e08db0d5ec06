"""Our own date formats (FORMAT_MODULE_PATH): one way of writing a date everywhere,
"di 12 maart 2027, 14:00" in Dutch and "Tue 12 March 2027, 14:00" in English. Templates
write ``|date:"DATETIME_FORMAT"`` or ``|date:"DATE_FORMAT"``, never a pattern of their own;
machine formats (``c`` in a ``datetime`` attribute, iCal) are the exception."""
