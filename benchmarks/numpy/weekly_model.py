#!/usr/bin/env python3
"""The weekly inventory model of `reshore simulate` (docs/model.md 8.6), written the way an analyst would in plain numpy:
state arrays over scenarios, one vectorised step per week and strategy. It runs the synthetic workload of `reshore bench`
(Reshore.Core.Risk.SyntheticWorkload: three options, four strategies, two disruption sources, lost sales, emergency
supply) so `reshore bench` can report the ratio of the two engines measured in the same run.

Usage: weekly_model.py --items N --scenarios S [--weeks W] [--seed K]
Prints one JSON object: steps, seconds, stepsPerSecond, cpuSeconds, stepsPerCpuSecond, and the mean equivalent annual cost per strategy of item 0.
"""
import argparse
import json
import math
import time

import numpy as np

LEAD = np.array([8, 2, 1])
FLEX = np.array([0.2, 0.3, 0.15])
COST = np.array([10.0, 11.5, 13.0])
SIGMA = 0.4 / math.sqrt(52)
CARRYING = 0.2
SHORTAGE = 6.0
EMERGENCY_PREMIUM, EMERGENCY_LEAD, EMERGENCY_CAPACITY = 2.5, 1, 0.4
# (rate per week, duration in weeks, option, capacity loss, added delay in weeks)
EVENTS = [(0.2 / 52, 6, 0, 0.8, 0), (0.1 / 52, 12, 0, 0.0, 2)]
# (shares per option, buffer weeks)
STRATEGIES = [((1.0, 0.0, 0.0), 0.0), ((0.7, 0.3, 0.0), 0.0), ((1.0, 0.0, 0.0), 6.0), ((0.5, 0.0, 0.5), 0.0)]


def events(rng, scenarios, weeks):
    """Per option, week and scenario: the worst capacity loss and the longest delay of the events active then."""
    loss = np.zeros((3, weeks, scenarios))
    delay = np.zeros((3, weeks, scenarios), dtype=np.int64)
    for rate, duration, option, capacity_loss, added_delay in EVENTS:
        pad = int(math.ceil(duration))
        window = weeks + pad
        counts = rng.poisson(rate * window, scenarios)
        total = int(counts.sum())
        if total == 0:
            continue
        scenario = np.repeat(np.arange(scenarios), counts)
        start = (rng.random(total) * window).astype(np.int64) - pad
        for k in range(max(1, int(math.floor(duration + 0.5)))):
            week = start + k
            inside = (week >= 0) & (week < weeks)
            w, s = week[inside], scenario[inside]
            loss[option, w, s] = np.maximum(loss[option, w, s], capacity_loss)
            delay[option, w, s] = np.maximum(delay[option, w, s], added_delay)
    return loss, delay


def simulate(item, scenarios, weeks, rng):
    """Equivalent annual cost per strategy and scenario of synthetic item `item` (one year when weeks = 52, undiscounted)."""
    mu = (50_000 + 1_000 * (item % 100)) / 52.0
    demand = mu * np.exp(SIGMA * rng.standard_normal((weeks, scenarios)) - SIGMA * SIGMA / 2)
    loss, delay = events(rng, scenarios, weeks)
    columns = np.arange(scenarios)
    horizon = weeks + LEAD.max() + 12 + EMERGENCY_LEAD + 2
    costs = []
    for shares, buffer in STRATEGIES:
        shares = np.array(shares)
        active = [i for i in range(3) if shares[i] > 0]
        max_lead = max(LEAD[i] for i in active)
        mean_lead = sum(shares[i] * LEAD[i] for i in active)
        standard = float(sum(shares[i] * COST[i] for i in active))
        target = max_lead + 1 + buffer
        arrivals = np.zeros((horizon, scenarios))
        on_order = np.zeros(scenarios)
        for i in active:
            arrivals[: LEAD[i]] += shares[i] * mu
            on_order += shares[i] * mu * LEAD[i]
        on_hand = np.full(scenarios, mu * (max_lead - mean_lead + 1 + buffer))
        cost = np.zeros(scenarios)
        for t in range(weeks):
            on_hand += arrivals[t]
            on_order -= arrivals[t]
            d = demand[t]
            served = np.minimum(on_hand, d)
            on_hand -= served
            missed = d - served
            week_cost = standard * d + SHORTAGE * missed
            order = mu * target - (on_hand + on_order)
            shipped = np.zeros(scenarios)
            for i in active:
                capacity = shares[i] * (1 + FLEX[i]) * mu * (1 - loss[i, t])
                ship = np.clip(np.minimum(shares[i] * order, capacity), 0, None)
                arrivals[t + LEAD[i] + delay[i, t], columns] += ship
                week_cost += ship * (COST[i] - standard)
                shipped += ship
            on_order += shipped
            gap = np.minimum(order - shipped, mu * (target - buffer) - (on_hand + on_order))
            extra = np.where(gap > 1e-12, np.minimum(gap, EMERGENCY_CAPACITY * mu), 0.0)
            arrivals[t + EMERGENCY_LEAD] += extra
            on_order += extra
            week_cost += extra * EMERGENCY_PREMIUM
            week_cost += on_hand * standard * CARRYING / 52
            cost += week_cost
        costs.append(cost / (weeks / 52.0))
    return costs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=10)
    parser.add_argument("--scenarios", type=int, default=2000)
    parser.add_argument("--weeks", type=int, default=52)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    simulate(0, 50, args.weeks, rng)  # warm-up, as the C# side warms up its JIT
    begin = time.perf_counter()
    cpu = time.process_time()
    first = None
    for item in range(args.items):
        costs = simulate(item, args.scenarios, args.weeks, rng)
        if first is None:
            first = [float(c.mean()) for c in costs]
    seconds = time.perf_counter() - begin
    cpu_seconds = time.process_time() - cpu
    steps = args.items * len(STRATEGIES) * args.scenarios * args.weeks
    print(json.dumps({"steps": steps, "seconds": seconds, "stepsPerSecond": steps / seconds,
                      "cpuSeconds": cpu_seconds, "stepsPerCpuSecond": steps / cpu_seconds,
                      "meanAnnualCost": first, "numpy": np.__version__}))


if __name__ == "__main__":
    main()
