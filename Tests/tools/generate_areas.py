#!/usr/bin/env python3
"""Writes a deterministic area file for benchmarks: generate_areas.py COUNT > areas.csv

COUNT areas with population (whole numbers, 20,000 to 400,000), recorded crime (whole numbers, 40 to
140 offences per 1,000 residents) and an IMD-style average score (three decimals, 5 to 45), drawn from
a fixed linear congruential sequence so that every run writes the same file. Invented figures.
"""
import sys


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 350
    state = 20210422

    def draw(low, high):
        nonlocal state
        state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
        return low + (state >> 33) % (high - low + 1)

    print("area,population,crime,deprivation")
    for number in range(count):
        population = draw(20_000, 400_000)
        crime = population * draw(40, 140) // 1000
        score = draw(5_000, 45_000)
        print(f"Area {number + 1:04d},{population},{crime},{score // 1000}.{score % 1000:03d}")


if __name__ == "__main__":
    main()
