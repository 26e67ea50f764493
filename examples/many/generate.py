#!/usr/bin/env python3
"""Writes sales.csv: 24 daily store x item series of different shapes, in long format.

Deterministic (random.Random(20261201)); run it again and the file is byte-identical:
    python3 examples/many/generate.py
Columns: store_item, day (ISO date), sales (empty where the till failed). Every series starts on 2025-01-01.
"""
import datetime
import math
import os
import random

RNG = random.Random(20261201)
START = datetime.date(2025, 1, 1)
LENGTH = 240

# (id, length, level, trend per day, [(period, amplitude)], noise sd, level shift (day, size) or None)
SHAPES = [
    ("north_bread", LENGTH, 120, 0.10, [(7, 18)], 4, None),
    ("north_milk", LENGTH, 200, 0.00, [(7, 25)], 6, None),
    ("north_coffee", LENGTH, 60, 0.05, [(7, 6), (30, 8)], 2, None),
    ("north_ice_cream", LENGTH, 40, 0.00, [(120, 25), (7, 5)], 3, None),
    ("north_umbrellas", LENGTH, 15, 0.00, [], 5, None),
    ("north_batteries", LENGTH, 80, -0.08, [(7, 4)], 3, (150, 25)),
    ("south_bread", LENGTH, 150, 0.15, [(7, 22)], 10, None),
    ("south_milk", LENGTH, 180, 0.02, [(7, 20), (14, 6)], 4, None),
    ("south_coffee", LENGTH, 70, 0.20, [], 2, None),
    ("south_ice_cream", LENGTH, 55, 0.00, [(120, 35), (7, 8)], 6, None),
    ("south_sunscreen", LENGTH, 30, 0.00, [(60, 15)], 2, None),
    ("south_batteries", LENGTH, 90, 0.00, [(7, 5)], 3, (100, -30)),
    ("east_bread", LENGTH, 100, -0.05, [(7, 15)], 3, None),
    ("east_milk", LENGTH, 160, 0.00, [(7, 30)], 12, None),
    ("east_tea", LENGTH, 45, 0.03, [(7, 4), (30, 6)], 1, None),
    ("east_soup", LENGTH, 50, 0.00, [(90, 20), (7, 3)], 2, None),
    ("east_charcoal", LENGTH, 25, 0.00, [(120, 18), (7, 10)], 4, None),
    ("east_newspapers", LENGTH, 140, -0.30, [(7, 25)], 5, None),
    ("west_bread", LENGTH, 130, 0.08, [(7, 20)], 6, (180, 30)),
    ("west_milk", LENGTH, 210, 0.00, [(7, 28)], 8, None),
    ("west_pastries", LENGTH, 35, 0.00, [(7, 12), (3, 3)], 3, None),
    ("west_flowers", 30, 20, 0.00, [(7, 6)], 2, None),   # new item: too short for the window, skipped
    ("west_candles", 25, 12, 0.00, [(7, 3)], 1, None),   # new item: too short, skipped
    ("west/../gift cards", LENGTH, 10, 0.00, [], 0, None),  # constant, and an id that is no safe directory name
    ("east_eggs", LENGTH, 90, 0.00, [(7, 10)], 3, None),  # one missing day: skipped under data.missing: error
]
MISSING = {("east_eggs", 100)}


def value(day, level, trend, seasons, noise, shift):
    v = level + trend * day
    for period, amplitude in seasons:
        v += amplitude * math.sin(2 * math.pi * day / period)
    if shift is not None and day >= shift[0]:
        v += shift[1]
    return max(0.0, v + RNG.gauss(0, noise)) if noise else max(0.0, v)


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sales.csv")
    with open(out, "w", newline="\n") as f:
        f.write("store_item,day,sales\n")
        for sid, length, level, trend, seasons, noise, shift in SHAPES:
            field = '"' + sid + '"' if "," in sid else sid
            for day in range(length):
                date = START + datetime.timedelta(days=day)
                sales = value(day, level, trend, seasons, noise, shift)
                cell = "" if (sid, day) in MISSING else f"{sales:.2f}"
                f.write(f"{field},{date.isoformat()},{cell}\n")
    print("wrote", out)


if __name__ == "__main__":
    main()
