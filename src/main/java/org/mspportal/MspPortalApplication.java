package org.mspportal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

@Modulithic(systemName = "MSP Portal", sharedModules = "shared")
@SpringBootApplication
@ConfigurationPropertiesScan
public class MspPortalApplication {

    public static void main(String[] args) {
        SpringApplication.run(MspPortalApplication.class, args);
    }
}
