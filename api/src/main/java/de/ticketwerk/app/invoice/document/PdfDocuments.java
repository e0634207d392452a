package de.ticketwerk.app.invoice.document;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * PDF/A-3b documents for people (R-I8): a Thymeleaf template of {@code documents/}, rendered by openhtmltopdf with
 * its fonts embedded (Source Sans Pro, shipped inside Mustang's jar) and an sRGB output intent.
 */
class PdfDocuments {

    static final String FONT = "Source Sans Pro";


    private final TemplateEngine templates = new TemplateEngine();
    private final String style = resource("documents/style.css");
    private final byte[] colorProfile = bytes("sRGB.icc");
    private final byte[] regular = bytes("fonts/SourceSansPro-Regular.ttf");
    private final byte[] bold = bytes("fonts/SourceSansPro-Bold.ttf");

    PdfDocuments() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("documents/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        templates.setTemplateResolver(resolver);
    }

    byte[] invoice(InvoiceDocument document) {
        return render("invoice", document);
    }

    byte[] serviceReport(InvoiceDocument document) {
        return render("service-report", document);
    }

    private byte[] render(String template, InvoiceDocument document) {
        Context context = new Context();
        context.setVariable("doc", document);
        context.setVariable("f", new GermanFormat());
        context.setVariable("style", style);
        String html = templates.process(template, context);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            new PdfRendererBuilder()
                    .useFastMode()
                    .usePdfAConformance(PdfAConformance.PDFA_3_B)
                    .useColorProfile(colorProfile)
                    .useFont(() -> new java.io.ByteArrayInputStream(regular), FONT, 400, FontStyle.NORMAL, true)
                    .useFont(() -> new java.io.ByteArrayInputStream(bold), FONT, 700, FontStyle.NORMAL, true)
                    .withHtmlContent(html, null)
                    .toStream(pdf)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf.toByteArray();
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
