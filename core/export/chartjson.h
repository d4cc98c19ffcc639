#pragma once

#include "regress/trendsteps.h"

#include <string>
#include <vector>

namespace te {

class TimingDataset;

/// The data a chart draws, as one JSON document, so that scripts, tests and users
/// can check or redraw it: the kind, the value axis (scale, unit, labelled ticks),
/// and per group its name, n, statistics and what its kind draws: a box and the
/// runs as points (box), bins (histogram), ECDF steps, the bar's statistic with its
/// 95 % CI, part means (stacked) or trend points; a paired chart adds `pairs`, one
/// per registration with its value in each group and the slowest-to-fastest ratio.
/// Runs are named by their registration_id, read from `data`. Numbers are plain
/// JSON numbers; NaN (no value) is written as null. A trend along a field lists
/// `steps` (findTrendSteps) as `steps`: group, at, the segments' first and last
/// values, medians and n before and after, the ratio with its 95 % CI, and p.
std::string chartDataToJson(
    const ChartData& chart, const TimingDataset& data, const std::vector<TrendStep>& steps = {});

} // namespace te
