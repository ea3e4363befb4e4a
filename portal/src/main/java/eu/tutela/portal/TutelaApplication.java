package eu.tutela.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class TutelaApplication {

    public static void main(String[] args) {
        SpringApplication.run(TutelaApplication.class, args);
    }
}
