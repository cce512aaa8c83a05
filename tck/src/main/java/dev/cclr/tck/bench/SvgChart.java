package dev.cclr.tck.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A hand-written SVG of two panels sharing a logarithmic size axis: end-to-end throughput (MB/s)
 * against relation size, and the server's peak resident memory (MiB) against relation size. One
 * line per series; a series may leave sizes out (Spark is measured on the small ones only).
 */
final class SvgChart {
  record Point(long sizeBytes, double value) {}

  record Series(String name, String color, boolean dashed, List<Point> points) {}

  private static final int WIDTH = 880;
  private static final int PANEL_HEIGHT = 340;
  private static final int LEFT = 80;
  private static final int RIGHT = 200;
  private static final int TOP = 50;
  private static final int BOTTOM = 50;

  private SvgChart() {}

  static String render(String title, String subtitle, List<Series> throughput, List<Series> memory) {
    StringBuilder svg = new StringBuilder();
    int height = 2 * PANEL_HEIGHT + 40;
    svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    svg.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
            + "font-family=\"sans-serif\" font-size=\"12\">\n", WIDTH, height, WIDTH, height));
    svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n", WIDTH, height));
    svg.append(text(WIDTH / 2.0, 20, "middle", 15, "bold", title));
    svg.append(text(WIDTH / 2.0, 38, "middle", 11, "normal", subtitle));
    panel(svg, 40, "End-to-end throughput (MB/s, median)", throughput);
    panel(svg, 40 + PANEL_HEIGHT, "Server peak resident memory (MiB, VmHWM)", memory);
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static void panel(StringBuilder svg, int y0, String yLabel, List<Series> series) {
    TreeSet<Long> sizes = new TreeSet<>();
    double maxValue = 0;
    for (Series s : series) {
      for (Point p : s.points()) {
        sizes.add(p.sizeBytes());
        if (Double.isFinite(p.value())) {
          maxValue = Math.max(maxValue, p.value());
        }
      }
    }
    int plotTop = y0 + TOP - 20;
    int plotBottom = y0 + PANEL_HEIGHT - BOTTOM;
    int plotLeft = LEFT;
    int plotRight = WIDTH - RIGHT;
    svg.append(String.format(Locale.ROOT,
        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>\n",
        plotLeft, plotTop, plotRight - plotLeft, plotBottom - plotTop));
    svg.append(text(18, (plotTop + plotBottom) / 2.0, "middle", 12, "normal", yLabel,
        String.format(Locale.ROOT, "rotate(-90 18 %.1f)", (plotTop + plotBottom) / 2.0)));
    if (sizes.isEmpty()) {
      return;
    }
    double yMax = niceCeiling(maxValue <= 0 ? 1 : maxValue * 1.08);
    double minLog = Math.log(sizes.first()) / Math.log(2);
    double maxLog = Math.log(sizes.last()) / Math.log(2);
    double span = Math.max(1e-9, maxLog - minLog);
    java.util.function.DoubleUnaryOperator x = size -> sizes.size() == 1
        ? (plotLeft + plotRight) / 2.0
        : plotLeft + 30 + (Math.log(size) / Math.log(2) - minLog) / span * (plotRight - plotLeft - 60);
    java.util.function.DoubleUnaryOperator y = v -> plotBottom - v / yMax * (plotBottom - plotTop);
    for (int i = 0; i <= 5; i++) {
      double v = yMax * i / 5;
      double yy = y.applyAsDouble(v);
      svg.append(String.format(Locale.ROOT,
          "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>\n", plotLeft, yy, plotRight, yy));
      svg.append(text(plotLeft - 6, yy + 4, "end", 11, "normal", format(v)));
    }
    for (long size : sizes) {
      double xx = x.applyAsDouble(size);
      svg.append(String.format(Locale.ROOT,
          "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>\n", xx, plotTop, xx, plotBottom));
      svg.append(text(xx, plotBottom + 16, "middle", 11, "normal", Sizes.format(size)));
    }
    svg.append(text((plotLeft + plotRight) / 2.0, plotBottom + 34, "middle", 11, "normal",
        "relation size (--size; log scale)"));
    int legendY = plotTop + 10;
    for (Series s : series) {
      List<String> coordinates = new ArrayList<>();
      for (Point p : s.points()) {
        if (Double.isFinite(p.value())) {
          coordinates.add(String.format(Locale.ROOT, "%.1f,%.1f", x.applyAsDouble(p.sizeBytes()), y.applyAsDouble(p.value())));
        }
      }
      String dash = s.dashed() ? " stroke-dasharray=\"6 4\"" : "";
      if (coordinates.size() > 1) {
        svg.append(String.format(Locale.ROOT,
            "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>\n",
            String.join(" ", coordinates), escape(s.color()), dash));
      }
      for (Point p : s.points()) {
        if (Double.isFinite(p.value())) {
          double px = x.applyAsDouble(p.sizeBytes());
          double py = y.applyAsDouble(p.value());
          svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>\n",
              px, py, escape(s.color())));
          // The dashed (ceiling) series labels its points below them, the others above.
          svg.append(text(px, s.dashed() ? py + 15 : py - 7, "middle", 10, "normal", format(p.value())));
        }
      }
      svg.append(String.format(Locale.ROOT,
          "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>\n",
          plotRight + 12, legendY, plotRight + 36, legendY, escape(s.color()), dash));
      svg.append(text(plotRight + 42, legendY + 4, "start", 11, "normal", s.name()));
      legendY += 18;
    }
  }

  private static String format(double v) {
    return v >= 100 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
  }

  static double niceCeiling(double v) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
    for (double step : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
      if (step * magnitude >= v) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String text(double x, double y, String anchor, int size, String weight, String content) {
    return text(x, y, anchor, size, weight, content, null);
  }

  private static String text(double x, double y, String anchor, int size, String weight, String content, String transform) {
    return String.format(Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" font-weight=\"%s\"%s>%s</text>\n",
        x, y, anchor, size, weight, transform == null ? "" : " transform=\"" + transform + "\"", escape(content));
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
