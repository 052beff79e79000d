package dev.apikeys.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A small Spring Boot application on the API Keys starter. */
@SpringBootApplication
public class SampleApplication {

  /**
   * Starts the application.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    SpringApplication.run(SampleApplication.class, args);
  }
}
