"""Foundations shared by every stage that reads or compares dates: the one date grammar (month and
weekday names, numbers and ordinals in words and digits, Juche years, day-first and month-first
shapes), the one anniversary and "N years ago" resolver, and the one interval module (ISO partial
dates and ranges, and how two of them relate). It imports nothing from the stages above it."""
