package de.ticketwerk.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;
import de.ticketwerk.rules.Text;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Level;

/**
 * PDF/A-3b documents for people (R-I8): a Thymeleaf template of {@code documents/}, rendered by openhtmltopdf with
 * its fonts embedded (Source Sans Pro, shipped inside Mustang's jar), an sRGB output intent and inline SVG drawn by
 * Batik. Every template sees {@code f} (German formats) and {@code style} (the shared style sheet).
 */
public class PdfDocuments {

    private static final String FONT = "Source Sans Pro";

    static {
        // openhtmltopdf logs four lines of INFO to the console for every document; warnings are worth seeing.
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
    }

    private final TemplateEngine templates = new TemplateEngine();
    private final String style = resource("documents/style.css");
    private final byte[] colorProfile = bytes("sRGB.icc");
    private final byte[] regular = withoutLigatures(bytes("fonts/SourceSansPro-Regular.ttf"));
    private final byte[] bold = withoutLigatures(bytes("fonts/SourceSansPro-Bold.ttf"));

    public PdfDocuments() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("documents/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        templates.setTemplateResolver(resolver);
    }

    public byte[] render(String template, Map<String, Object> variables) {
        Context context = new Context();
        context.setVariables(variables);
        context.setVariable("f", new GermanFormat());
        context.setVariable("style", style);
        // What was stored before the text rule (de.ticketwerk.rules.Text) held must not stop its document.
        String html = Text.printable(templates.process(template, context));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            new PdfRendererBuilder()
                    .useFastMode()
                    .usePdfAConformance(PdfAConformance.PDFA_3_B)
                    .useColorProfile(colorProfile)
                    .useFont(() -> new ByteArrayInputStream(regular), FONT, 400, FontStyle.NORMAL, true)
                    .useFont(() -> new ByteArrayInputStream(bold), FONT, 700, FontStyle.NORMAL, true)
                    .useSVGDrawer(new BatikSVGDrawer())
                    .withHtmlContent(html, null)
                    .toStream(pdf)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf.toByteArray();
    }

    /**
     * PDFBox applies a font's GSUB ligatures ("ft" in "Gutschriften" becomes one glyph) without mapping the ligature
     * back to its letters, so the text could not be searched, copied or read aloud. Renaming the table in the font's
     * table directory hides it from PDFBox; the embedded subset never carries it anyway.
     */
    static byte[] withoutLigatures(byte[] trueType) {
        byte[] font = trueType.clone();
        ByteBuffer directory = ByteBuffer.wrap(font);
        int tables = directory.getShort(4) & 0xffff;
        for (int i = 0; i < tables; i++) {
            int tag = 12 + 16 * i;
            if (new String(font, tag, 4, StandardCharsets.US_ASCII).equals("GSUB")) {
                font[tag] = 'x';
            }
        }
        return font;
    }

    private static String resource(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String name) {
        try (InputStream in = PdfDocuments.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing on the class path: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
