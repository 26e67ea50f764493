package ab;
import com.sun.net.httpserver.*;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
public class JdkServer {
    public static void main(String[] a) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(a[0])), 1024);
        s.createContext("/", ex -> { try { byte[] b = ex.getRequestBody().readAllBytes(); byte[] r = Work.answer(b);
            ex.getResponseHeaders().set("Content-Type", "application/json"); ex.sendResponseHeaders(200, r.length);
            try (var o = ex.getResponseBody()) { o.write(r); } } catch (Exception e) { ex.sendResponseHeaders(500, -1); ex.close(); } });
        s.setExecutor(Executors.newFixedThreadPool(Integer.parseInt(a[1])));
        s.start(); System.out.println("ready");
    }
}
