package ab;
import io.javalin.Javalin;
public class JavalinServer {
    public static void main(String[] a) throws Exception {
        Javalin app = Javalin.create(c -> { c.startup.showJavalinBanner = false;
            c.routes.post("/v2/models/sine/infer", ctx -> ctx.contentType("application/json").result(Work.answer(ctx.bodyAsBytes()))); });
        app.start("127.0.0.1", Integer.parseInt(a[0])); System.out.println("ready");
    }
}
