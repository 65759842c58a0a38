"""A straightforward pure-Python implementation of the vote model and forecast, for the
benchmark's speed comparison and as an independent check of the numpy code's probabilities."""
from __future__ import annotations

import math
import random


def probabilities(features, theta, demand, proposal, status_quo, no_resolution, goodwill,
                  orient, cutpoints, p_absent, voters, abstainers_absent=0.0, principle=0.0,
                  salience=1.0):
    """Same quantities as VoteModel.probabilities, with lists and loops; (n_voters, 4) lists."""
    out = []
    for i in voters:
        x = sum(f * t for f, t in zip(features[i], theta, strict=True))
        q_p = sum(d * p for d, p in zip(demand[i], proposal, strict=True))
        q_s = (sum(d * s for d, s in zip(demand[i], status_quo, strict=True))
               if status_quo is not None else no_resolution)
        slope = 2 * (q_p - q_s) + (2 * principle if status_quo is None else 0.0)
        latent = salience * (slope * x - (q_p - q_s) * (q_p + q_s)) + orient * goodwill[i]
        p_no = 1 / (1 + math.exp(-(cutpoints[0] - latent)))
        p_not_yes = 1 / (1 + math.exp(-(cutpoints[1] - latent)))
        row = [1 - p_not_yes, p_no, p_not_yes - p_no]
        a = p_absent[i] if p_absent is not None else 0.0
        row = [v * (1 - a) for v in row] + [a]
        moved = row[2] * abstainers_absent
        row[2] -= moved
        row[3] += moved
        out.append(row)
    return out


def forecast(probs, permanent, affirmative_votes, veto, n_draws, seed):
    """Monte Carlo: expected tally (4,) and P(adopted), one draw and one voter at a time."""
    rng = random.Random(seed)
    adopted = 0
    totals = [0, 0, 0, 0]
    for _ in range(n_draws):
        counts = [0, 0, 0, 0]
        p5_no = False
        for row, perm in zip(probs, permanent, strict=True):
            u = rng.random()
            acc = 0.0
            ballot = 3
            for k in range(3):
                acc += row[k]
                if u < acc:
                    ballot = k
                    break
            counts[ballot] += 1
            p5_no = p5_no or (perm and ballot == 1)
        for k in range(4):
            totals[k] += counts[k]
        if affirmative_votes is not None:
            ok = counts[0] >= affirmative_votes and not (veto and p5_no)
        else:
            ok = counts[0] > counts[1]
        adopted += ok
    return [t / n_draws for t in totals], adopted / n_draws


def exact_forecast(probs, permanent, majority, affirmative_votes, veto):
    """The exact forecast by a plain dynamic programme over (flag, yes, no), one voter and one
    cell at a time (flag: a permanent member voted against). Returns the expected tally (4,),
    P(adopted), P(vetoed) and the table P(yes = i, no = j) as nested lists."""
    n = len(probs)
    flags = 2 if veto else 1
    dist = [[[0.0] * (n + 1) for _ in range(n + 1)] for _ in range(flags)]
    dist[0][0][0] = 1.0
    for k, (row, perm) in enumerate(zip(probs, permanent, strict=True)):
        p_yes, p_no, rest = row[0], row[1], row[2] + row[3]
        new = [[[0.0] * (n + 1) for _ in range(n + 1)] for _ in range(flags)]
        for f in range(flags):
            to = 1 if veto and perm else f
            for y in range(k + 1):
                for m in range(k + 1 - y):
                    p = dist[f][y][m]
                    new[f][y][m] += p * rest
                    new[f][y + 1][m] += p * p_yes
                    new[to][y][m + 1] += p * p_no
        dist = new
    adopted = vetoed = 0.0
    for f in range(flags):
        for y in range(n + 1):
            for m in range(n + 1 - y):
                p = dist[f][y][m]
                if affirmative_votes is not None:
                    adopted += p if y >= affirmative_votes and not f else 0.0
                    vetoed += p if y >= affirmative_votes and f else 0.0
                elif majority == "two_thirds":
                    adopted += p if 3 * y >= 2 * (y + m) and y > 0 else 0.0
                else:
                    adopted += p if y > m else 0.0
    expected = [sum(row[b] for row in probs) for b in range(4)]
    table = [[sum(dist[f][y][m] for f in range(flags)) for m in range(n + 1)]
             for y in range(n + 1)]
    return expected, adopted, vetoed, table
