package org.mspportal.identity;

import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QrCodeSvgTests {

    private static final String URI = "otpauth://totp/MSP%20Portal:zo%C3%AB%40example.com"
            + "?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=MSP%20Portal&algorithm=SHA1&digits=6&period=30";

    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");

    private static final Pattern PATH_DATA = Pattern.compile(" d=\"([^\"]*)\"");

    private static final Pattern RUN = Pattern.compile("M(\\d+),(\\d+)h(\\d+)v1h-\\3z");

    private static final int MARGIN = 2;

    @Test
    void theResultIsOneSvgElementWithOnePath() {
        String svg = QrCodeSvg.render(URI, "QR code");

        assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("shape-rendering=\"crispEdges\"");
        assertThat(occurrences(svg, "<svg")).isEqualTo(1);
        assertThat(occurrences(svg, "<path")).isEqualTo(1);
    }

    @Test
    void colourIsGivenByAttributesBecauseTheContentSecurityPolicyForbidsInlineStyles() {
        String svg = QrCodeSvg.render(URI, "QR code");

        assertThat(svg).doesNotContain("style").doesNotContain("<script").contains("fill=\"#fff\"", "fill=\"#000\"");
    }

    @Test
    void itIsAnImageNamedByItsAriaLabelWithMarkupEscaped() {
        String svg = QrCodeSvg.render(URI, "Scan <me> & \"enrol\"");

        assertThat(svg).contains("role=\"img\"", "aria-label=\"Scan &lt;me&gt; &amp; &quot;enrol&quot;\"")
                .doesNotContain("<me>");
    }

    @Test
    void theViewBoxIsAValidQrCodeSizePlusTheMargin() {
        int size = viewBoxSize(QrCodeSvg.render(URI, "QR code"));

        int modules = size - 2 * MARGIN;
        assertThat(modules).isBetween(21, 177);
        assertThat((modules - 21) % 4).isZero();
    }

    @Test
    void theDrawingDecodesBackToTheContent() throws Exception {
        assertThat(decode(QrCodeSvg.render(URI, "QR code"))).isEqualTo(URI);
    }

    @Test
    void nonAsciiContentDecodesBackToo() throws Exception {
        assertThat(decode(QrCodeSvg.render("Zoë’s code: ✓", "QR code"))).isEqualTo("Zoë’s code: ✓");
    }

    @Test
    void differentContentGivesADifferentDrawing() {
        assertThat(pathData(QrCodeSvg.render(URI, "QR code")))
                .isNotEqualTo(pathData(QrCodeSvg.render(URI.replace("JBSW", "KBSW"), "QR code")));
    }

    /** Rasterises the path at 4 pixels a module and reads it with zxing's own decoder. */
    private static String decode(String svg) throws Exception {
        int scale = 4;
        int size = viewBoxSize(svg) * scale;
        int[] pixels = new int[size * size];
        Arrays.fill(pixels, 0xffffffff);
        String data = pathData(svg);
        Matcher run = RUN.matcher(data);
        int consumed = 0;
        while (run.find()) {
            assertThat(run.start()).as("path data is nothing but runs").isEqualTo(consumed);
            consumed = run.end();
            int x = Integer.parseInt(run.group(1));
            int y = Integer.parseInt(run.group(2));
            int length = Integer.parseInt(run.group(3));
            for (int py = y * scale; py < (y + 1) * scale; py++) {
                for (int px = x * scale; px < (x + length) * scale; px++) {
                    pixels[py * size + px] = 0xff000000;
                }
            }
        }
        assertThat(consumed).isEqualTo(data.length());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(size, size, pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }

    private static int viewBoxSize(String svg) {
        Matcher viewBox = VIEW_BOX.matcher(svg);
        assertThat(viewBox.find()).isTrue();
        assertThat(viewBox.group(1)).isEqualTo(viewBox.group(2));
        return Integer.parseInt(viewBox.group(1));
    }

    private static String pathData(String svg) {
        Matcher path = PATH_DATA.matcher(svg);
        assertThat(path.find()).isTrue();
        return path.group(1);
    }

    private static int occurrences(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
