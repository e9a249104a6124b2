#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

/// Reducing what a chart draws to what its pixels can show (the studio's benchmark charts).
namespace quantcfg::bench {

/// Largest-Triangle-Three-Buckets (Steinarsson 2013) of the line (@p x, @p y), @p x ascending:
/// keeps the first and last point and, from each of @p threshold − 2 equal buckets between them,
/// the point that forms the largest triangle with the previous kept point and the next bucket's
/// mean. Returns indices into the input, ascending. All indices when there are no more than
/// @p threshold points or @p threshold < 3. @p x and @p y must have the same size.
std::vector<std::size_t> lttb(std::span<const double> x, std::span<const double> y, std::size_t threshold);

/// The order that sorts @p x ascending, equal values in input order: indices into @p x. A stable
/// LSD radix sort on the values' bits, linear in their number (lttb() wants its points sorted by
/// x, and a chart sorts a million of them per redraw). NaN sorts after +infinity.
std::vector<std::uint32_t> sortOrder(std::span<const double> x);

/// Scatter decimation: the plane spanned by the finite points is cut into @p columns × @p rows
/// cells (the chart's pixels) and the first point of each occupied cell is kept, so the drawn
/// picture is the same at that resolution. Non-finite points are dropped. Returns indices into
/// the input, ascending.
std::vector<std::size_t> decimateScatter(std::span<const double> x, std::span<const double> y, int columns, int rows);

} // namespace quantcfg::bench
