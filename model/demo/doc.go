// Package demo generates sample workbooks: Workbook, the realistic demo
// behind `backchannel demo` and the tests' goldens, and LargeWorkbook, a
// seeded synthetic workbook of any size for benchmarks and load tests.
package demo
