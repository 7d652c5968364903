package org.energyweb.demo;

import java.io.PrintWriter;
import java.util.List;

/** The demo's closing summary and whether everything checked out. */
public record DemoReport(List<String> lines, boolean ok) {

    public void print(PrintWriter out) {
        out.println();
        lines.forEach(out::println);
    }
}
